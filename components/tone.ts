/**
 * Tag colours with white text at WCAG AA contrast (≥ 4.5:1). antd's preset
 * colours (green, orange …) draw light text on light backgrounds that axe
 * rejects, so tags take these solid tones instead.
 */
export const TONE = {
  green: '#15803d',
  orange: '#b45309',
  blue: '#1d4ed8',
  red: '#b91c1c',
  purple: '#7e22ce',
  gray: 'default',
} as const;

/** A certification tier's tag colour (none: the default grey). */
export const TIER_TONE = {
  certified: TONE.green,
  expired: 'default',
  'poverty-area': TONE.orange,
  unsold: TONE.blue,
} as const;
