/** English strings of the discovery map, merged into `messages` (en.ts). */

import type { MapMessages } from './map.zh-CN';

export const mapMessages: MapMessages = {
  clusterTip: (count: number) => `${count} venues, click to zoom in`,
};
