import { defineSections } from './schema';

export default defineSections([
  {
    id: 'north-korea',
    name: 'North Korea',
    description: 'News and analysis on North Korea, its leadership and its relations with the world.',
  },
]);
