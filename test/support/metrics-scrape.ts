/** A Prometheus scrape of the service's /metrics, with its token (null: none). */
export async function scrapeMetrics(service: { url: string }, token: string | null): Promise<{ status: number; text: string }> {
  const response = await fetch(`${service.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, text: await response.text() };
}

/** The value of one sample line, e.g. `handover_handovers_total{bot="demo",trigger="contact_request"}` (null: not there). */
export function metricSample(text: string, series: string): number | null {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : null;
}
