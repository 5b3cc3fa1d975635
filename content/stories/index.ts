/**
 * Every story module, as plain imports. `npm run new-story` adds a line here; `npm run content:check`
 * fails, naming the file, if a module in this folder is missing from the list.
 */
import putinHeadsToPyongyang from './putin-heads-to-pyongyang';

export default [putinHeadsToPyongyang];
