// The shared records stories refer to: content/authors.ts, content/sections.ts, content/tags.ts.
import { z } from 'zod';
import { slug, text } from './fields';

export const authorSchema = z
  .object({
    id: slug('author id', 'park-ung').describe("Used in stories' `authors` lists and in the address /authors/<id>."),
    name: text('name', 'Park Ung').describe('Full name as printed in the byline.'),
    role: text('role', 'Reporter').describe('Job title.'),
    bio: text('bio', 'Park Ung is a reporter for Aju Press.').describe(
      'One or two sentences shown on the author page.',
    ),
  })
  .strict();

export const sectionSchema = z
  .object({
    id: slug('section id', 'north-korea').describe("Used in stories' `section` and in the address /sections/<id>."),
    name: text('name', 'North Korea').describe('Name shown in navigation and kickers.'),
    description: text('description', 'News and analysis on North Korea.').describe(
      'One sentence for the section page and its metadata.',
    ),
  })
  .strict();

export const tagSchema = z
  .object({
    id: slug('tag id', 'kim-jong-un').describe("Used in stories' `tags` and in the address /tags/<id>."),
    name: text('name', 'Kim Jong-un').describe('Name shown on the story and the tag page.'),
  })
  .strict();
