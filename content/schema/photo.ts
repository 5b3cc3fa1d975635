// A photo: the lead photo and every photo block have these fields.
import { z } from 'zod';
import { focalCoordinate, plain, text } from './fields';

export const photoSchema = z
  .object({
    src: z
      .string()
      .regex(/^\/[^\s?#]+\.(?:jpe?g|png|webp|avif)$/i, {
        error: (issue) =>
          `src "${String(issue.input)}" is not the path of an image under public/ — start it with "/" and end it in .jpg, .png, .webp or .avif, e.g. "/images/stories/my-photo.jpg"`,
      })
      .describe(
        'Path of the image file under `public/`, starting with `/`. Width and height are read from the file by content:check (and content:publish), never typed.',
      )
      .meta({ example: '/images/stories/putin-heads-to-pyongyang.jpg' }),
    alt: plain('alt text', 'Two leaders shake hands in front of their flags')
      .optional()
      .describe('What the photo shows, for readers who cannot see it. Required unless `decorative` is true.')
      .meta({ example: 'Two leaders shake hands in front of their flags' }),
    decorative: z
      .literal(true, {
        error: 'decorative can only be true — delete the line if the photo carries information (then write alt text)',
      })
      .optional()
      .describe(
        'Set to `true` only for a purely decorative image that carries no information; then `alt` may be left out.',
      )
      .meta({ example: true }),
    caption: text('caption', 'Putin and Kim shake hands in Russia')
      .describe('The caption printed under the photo. Leave the credit out of it: it has its own field.')
      .meta({ example: 'Russian President Vladimir Putin (right) and North Korean leader Kim Jong-un shake hands.' }),
    credit: text('credit', 'Yonhap')
      .describe('Who took or supplied the photo: agency or photographer.')
      .meta({ example: 'Yonhap' }),
    focalPoint: z
      .object({
        x: focalCoordinate('x', 'the left edge', 'the right edge'),
        y: focalCoordinate('y', 'the top', 'the bottom'),
      })
      .strict()
      .optional()
      .describe(
        'The point every crop keeps in view (social card, structured-data crops, listing thumbnails), as fractions of the width (`x`, 0 = left edge, 1 = right edge) and height (`y`, 0 = top, 1 = bottom). Leave it out to crop around the centre.',
      )
      .meta({ example: { x: 0.5, y: 0.3 } }),
  })
  .strict();
