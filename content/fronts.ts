// The fronts editors arrange (CONTENT.md, "Fronts"): a lead and top stories for the front page and sections.
// With nothing placed, the newest story leads and the newest follow. For example:
//   home: { lead: { story: 'putin-heads-to-pyongyang', until: '2024-06-19T06:00:00+09:00' }, top: [{ story: '…', size: 'large' }] },
//   sections: { 'north-korea': { lead: { story: 'putin-heads-to-pyongyang' } } },
import { defineFronts } from './schema';

export default defineFronts({
  home: { top: [] },
});
