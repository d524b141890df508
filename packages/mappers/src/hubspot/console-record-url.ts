/** Where the links we write into HubSpot point: the console of this licensync, for one workspace. */
export interface ConsoleLinks {
  /** PUBLIC_URL of the api. */
  publicUrl: string;
  /** The record's workspace, so the link opens there whichever workspace the operator last viewed. */
  workspaceSlug: string;
}

/** The console page of a license, customer or failure, opened after sign-in (the console returns to it). */
export function consoleRecordUrl(
  links: ConsoleLinks,
  kind: 'licenses' | 'customers' | 'failures',
  id: string,
): string {
  const base = links.publicUrl.replace(/\/+$/, '');
  return `${base}/console/${kind}/${encodeURIComponent(id)}?workspace=${encodeURIComponent(links.workspaceSlug)}`;
}
