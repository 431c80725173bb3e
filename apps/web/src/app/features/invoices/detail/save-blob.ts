/** Saves a fetched file under `name` (a blob fetched with the bearer: a plain link could not). */
export function saveBlob(blob: Blob, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([blob], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The click has handed the URL to the download; release it on the next tick.
  setTimeout(() => URL.revokeObjectURL(url));
}
