/**
 * Simplified Chinese strings of the discovery map, merged into `messages` (zh-CN.ts); `map.en.ts`
 * provides the same {@link MapMessages} shape.
 */

export const mapMessages = {
  /** The popup over a hovered cluster. */
  clusterTip: (count: number) => `${count} 个场馆，点击放大`,
};

/** The shape every language's map strings must provide. */
export type MapMessages = typeof mapMessages;
