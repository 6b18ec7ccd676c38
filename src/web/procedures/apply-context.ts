import type { Places } from '../../procedures/forms/render-form.js';

/** The provinces and communes an address can name, from the agency list. */
export function placesOf(agencies: { code: string; name: string; level: string; parentCode: string | null }[]): Places {
  return { provinces: agencies.filter((a) => a.level === 'PROVINCE'), communes: agencies.filter((a) => a.level === 'COMMUNE') };
}
