// The breaking-news banner on every page (CONTENT.md, "Breaking news"); null when there is none.
import { defineBreakingNews } from './schema';

export default defineBreakingNews(null);
