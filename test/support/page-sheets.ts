/**
 * Which sheets of the stylesheet (app/styles) a page got, and which classes it uses that only a sheet it did not get
 * styles (app/stylesheet.ts): a page that forgot a `UsesSheets` shows unstyled parts.
 */
import { stylesheetParts } from '@/app/stylesheet';
import type { SheetName } from '@/lib/stylesheet-sheets';
import { PROJECT_ROOT } from './temp-project';

/** Read and minified once per test process: the files do not change during a run. */
let classSheets: Map<string, Set<SheetName>> | undefined;

/** Each class a selector of the stylesheet names on screen (parts' css: their print rules are apart), with the sheets whose parts name it. */
export const sheetsOfClasses = (): Map<string, Set<SheetName>> => (classSheets ??= readClassSheets());

function readClassSheets(): Map<string, Set<SheetName>> {
  const sheets = new Map<string, Set<SheetName>>();
  for (const part of stylesheetParts(PROJECT_ROOT)) {
    for (const [, selector] of part.css.matchAll(/([^{}]+)\{/g)) {
      if (selector!.trimStart().startsWith('@')) continue;
      for (const [, name] of selector!.matchAll(/\.([A-Za-z_][\w-]*)/g)) {
        if (!sheets.has(name!)) sheets.set(name!, new Set());
        sheets.get(name!)!.add(part.sheet);
      }
    }
  }
  return sheets;
}

/** The sheets a page's HTML says it got (its inlined <style data-stylesheet> elements). */
export const sheetsOfPage = (html: string): SheetName[] =>
  [...html.matchAll(/<style data-stylesheet="([^"]*)"/g)].flatMap((match) => match[1]!.split(' ') as SheetName[]);

/** Classes in the page's body that the stylesheet styles, but only in sheets the page did not get. */
export function unstyledClasses(html: string): string[] {
  const got = new Set(sheetsOfPage(html));
  const sheets = sheetsOfClasses();
  const used = new Set(
    [...html.slice(html.indexOf('<body')).matchAll(/ class="([^"]*)"/g)].flatMap((match) => match[1]!.split(/\s+/)),
  );
  return [...used].filter((name) => sheets.has(name) && ![...sheets.get(name)!].some((sheet) => got.has(sheet)));
}
