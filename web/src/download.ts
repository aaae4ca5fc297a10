/** Saves `content` through the browser's download, from a blob: URL (no request leaves the page). */
export function download(name: string, content: string | Uint8Array<ArrayBuffer>, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The clipboard API, or the selection-and-copy fallback where it is not allowed. */
export async function copyText(text: string, fallback: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    fallback.focus();
    fallback.select();
    return document.execCommand('copy');
  }
}

/** name.txt → name<suffix>.ext; a .docx gives .txt since the page writes plain text. */
export function derivedName(name: string, suffix: string, extension?: string): string {
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  const ext = extension ?? (dot > 0 && !/\.docx$/i.test(name) ? name.slice(dot) : '.txt');
  return `${base}${suffix}${ext}`;
}
