import { ArchiveIndex, archiveIndexMetadata } from '@/components/site/ArchiveRoute';

export const metadata = archiveIndexMetadata();

export default function ArchivePage() {
  return <ArchiveIndex />;
}
