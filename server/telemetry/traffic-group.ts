import type { TrafficGroup } from '../../common/api/admin-telemetry';

/**
 * The console's traffic class of a metrics `class` label. Requests that reach Express are labelled by
 * `classifyByPath` (page, api, print, download, admin, health); requests the overload gate answers may
 * be labelled with its route kinds (`printJobSubmit`, `apiRead` ...): both land in the same class here,
 * so what is served and what is shed line up.
 */
const GROUP_OF_LABEL: Record<string, TrafficGroup> = {
  page: 'page',
  clientAsset: 'page',
  api: 'api',
  apiRead: 'api',
  apiWrite: 'api',
  upload: 'api',
  signIn: 'api',
  print: 'print',
  printJobSubmit: 'print',
  download: 'download',
  share: 'download',
  admin: 'admin',
  health: 'health',
};

export function trafficGroupOf(label: string | undefined): TrafficGroup {
  return (label !== undefined && Object.hasOwn(GROUP_OF_LABEL, label) ? GROUP_OF_LABEL[label] : undefined) ?? 'other';
}
