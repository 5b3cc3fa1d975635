import { defineTags } from './schema';

export default defineTags([
  { id: 'north-korea', name: 'North Korea' },
  { id: 'russia', name: 'Russia' },
  { id: 'vladimir-putin', name: 'Vladimir Putin' },
  { id: 'kim-jong-un', name: 'Kim Jong-un' },
  { id: 'war-in-ukraine', name: 'War in Ukraine' },
]);
