/** What a person starting the service reads once it listens: where everything is. */
export interface StartBannerFacts {
  /** PUBLIC_BASE_URL: where people open the service. */
  readonly baseUrl: string;
  readonly docsServed: boolean;
  /** The local mail catcher's inbox; unset with a real SMTP server. */
  readonly mailInboxUrl?: string;
  /** No active admin yet: the next step is creating one. */
  readonly needsAdmin: boolean;
}

/** The start banner as labelled lines (no client data: only addresses of the service). */
export function startBanner(facts: StartBannerFacts): string[] {
  const rows: [string, string][] = [
    ['API', `${facts.baseUrl}/v1`],
    ['Staff app', `${facts.baseUrl}/admin`],
    ['Reach-out page', `${facts.baseUrl}/reach-out`],
  ];
  if (facts.docsServed) rows.push(['API docs', `${facts.baseUrl}/docs`]);
  rows.push(['Health', `${facts.baseUrl}/health/ready`]);
  if (facts.mailInboxUrl)
    rows.push(['Mail inbox', `${facts.mailInboxUrl} (nothing leaves this machine)`]);
  if (facts.needsAdmin) {
    rows.push([
      'Next step',
      'npm run create-admin -- --email you@your-practice.example --name "Your Name"',
    ]);
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`);
}
