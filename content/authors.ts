import { defineAuthors } from './schema';

export default defineAuthors([
  {
    id: 'park-ung',
    name: 'Park Ung',
    role: 'Reporter',
    bio: 'Park Ung is a reporter for Aju Press.',
  },
]);
