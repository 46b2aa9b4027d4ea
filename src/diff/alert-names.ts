// The name an alert fires with, for the diff's wording: from the catalogue, so `containerOOMKilled` reads as
// ContainerOOMKilled. A key the catalogue no longer has (an older tree's) is capitalised as the names are.
import { alertByKey } from '../alerts/catalogue.ts';

export function alertName(key: string): string {
  return alertByKey(key)?.name ?? key.charAt(0).toUpperCase() + key.slice(1);
}
