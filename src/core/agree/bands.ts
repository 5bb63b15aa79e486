// Landis & Koch (1977) verbal bands for a chance-corrected coefficient.

export function landisKoch(value: number | null): string | null {
  if (value === null) return null;
  if (value < 0) return 'poor';
  if (value <= 0.2) return 'slight';
  if (value <= 0.4) return 'fair';
  if (value <= 0.6) return 'moderate';
  if (value <= 0.8) return 'substantial';
  return 'almost perfect';
}
