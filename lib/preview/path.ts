/** Where preview links live on the site (decision 0047): /preview/<token>, its photos under /preview/<token>/photos/. */
export const PREVIEW_PATH = '/preview/';
