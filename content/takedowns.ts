// Stories taken down: their addresses answer 410 Gone (docs/operations/publishing.md, "Renames and takedowns").
import { defineTakedowns } from './schema';

export default defineTakedowns([]);
