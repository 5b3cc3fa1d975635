import { defineStory } from '@/content/schema';

// Source: the publisher's page, kept verbatim in test/fixtures/putin-heads-to-pyongyang.txt; reproduced word for word.
export default defineStory({
  slug: 'putin-heads-to-pyongyang',
  headline: 'Putin heads to Pyongyang amid deepening military ties',
  summary:
    "Russian President Vladimir Putin is visiting North Korea from June 18 to 19, his first trip to Pyongyang since July 2000, amid suspicions that the North has been supplying weapons for Russia's war in Ukraine.",
  section: 'north-korea',
  tags: ['north-korea', 'russia', 'vladimir-putin', 'kim-jong-un', 'war-in-ukraine'],
  authors: ['park-ung'],
  dateline: { place: 'SEOUL', publication: 'AJU PRESS' },
  postedAt: '2024-06-18T08:25:00+09:00',
  updatedAt: '2024-06-18T17:17:00+09:00',
  leadPhoto: {
    // A labelled stand-in: the Yonhap wire photo is not ours to redistribute. Drop the real file
    // at this path to replace it; width and height are read from the file at build time.
    src: '/images/stories/putin-heads-to-pyongyang.jpg',
    alt: 'Stand-in image: a dark panel labelled "Stand-in for wire photo" with a text description of the Yonhap photo of Vladimir Putin and Kim Jong-un shaking hands in Russia on Sept. 13, 2023.',
    caption:
      'Russian President Vladimir Putin (right) and North Korean leader Kim Jong-un shake hands during their meeting in Russia, in this file photo taken on Sept. 13, 2023.',
    credit: 'Yonhap',
    // The stand-in's label: every crop (social card, structured-data crops, thumbnails) keeps it in view.
    focalPoint: { x: 0.41, y: 0.18 },
  },
  body: [
    {
      type: 'paragraph',
      text: 'Russian President Vladimir Putin is visiting North Korea this week. Putin is set to "visit North Korea from June 18 to 19 at the invitation of North Korean leader Kim Jong-un," Pyongyang\'s state-run Korean Central News Agency reported Monday.',
    },
    {
      type: 'paragraph',
      text: "Putin's two-day visit starting Tuesday follows his summit with Kim in Vladivostok in September last year. This reciprocal visit to Pyongyang comes more than two decades after his last visit to the reclusive country in July 2000 when he met Kim's late father. It also marks the third meeting between the two leaders, with their previous summits held in Russia twice, including their first meeting in April 2019.",
    },
    {
      type: 'pullQuote',
      text: 'The impending visit could be seen as an expression of gratitude.',
      speaker: 'Lee Tae-lim',
      role: 'Professor, Korea National Diplomatic Academy',
    },
    {
      type: 'paragraph',
      text: 'As North Korea seeks to strengthen ties with Moscow, Kim is expected to roll out the red carpet for Putin during his short stay before a stopover in Viet Nam.',
    },
    {
      type: 'paragraph',
      text: 'The visit takes place amid an intensifying cold war between the U.S. and China amid a revival of the trilateral alliance between North Korea, China and Russia.',
    },
    {
      type: 'paragraph',
      text: "Concerns have arisen regarding Russia's rapprochement with North Korea and their deepening military cooperation. There are suspicions that Pyongyang has been supplying ammunition and other weapons to support Russia's invasion of Ukraine in return for potential transfer of key military technologies.",
    },
    {
      type: 'pullQuote',
      text: "While Russia needs the North's military backing in the prolonged war in Ukraine, North Korea seeks economic assistance and technological help for its missile and nuclear programs.",
      speaker: 'Lim Eul-chul',
      role: 'Professor, Institute for Far Eastern Studies',
    },
    {
      type: 'paragraph',
      text: 'Experts speculate his rare visit could further strengthen the "strategic partnership" between the two countries.',
    },
    {
      type: 'paragraph',
      text: '"North Korea has persistently shown support to Russia since the war in Ukraine," Lee Tae-lim, a professor at the Korea National Diplomatic Academy, told Aju Press last week. "The impending visit could be seen as an expression of gratitude."',
    },
    {
      type: 'paragraph',
      text: '"Amid efforts to mend relations between Russia and South Korea in recent years, many Russian scholars have reportedly voiced that Moscow should strengthen ties with Pyongyang even more," Lee added.',
    },
    {
      type: 'paragraph',
      text: 'Lim Eul-chul, a professor at the Institute for Far Eastern Studies, said, "While Russia needs the North\'s military backing in the prolonged war in Ukraine, North Korea seeks economic assistance and technological help for its missile and nuclear programs."',
    },
    {
      type: 'paragraph',
      text: 'North Korea has allegedly been supplying deadly weapons to Russia. South Korean Defense Minister Shin Won-sik speculated in an interview with Bloomberg last week that Seoul has detected "at least 10,000 shipping containers being sent from North Korea to Russia, which could hold as many as 4.8 million artillery shells of the likes that Putin has used in his bombardment of Ukraine."',
    },
  ],
});
