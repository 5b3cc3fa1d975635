import type { Thing, WithContext } from 'schema-dts';
import { handOverJsonLd } from '@/lib/seo/json-ld-handover';
import { serializeJsonLd } from '@/lib/seo/json-ld';
import { JsonLdSlot } from './JsonLdSlot';

/**
 * One structured-data block, serialized so that content cannot close the script (see serializeJsonLd). Only its
 * key goes into the flight data; JsonLdSlot writes the text into the HTML (decision 0052).
 */
export function JsonLd<T extends Thing>({ data }: { data: WithContext<T> }) {
  return <JsonLdSlot textKey={handOverJsonLd(serializeJsonLd(data))} />;
}
