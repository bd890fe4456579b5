/**
 * The connector hosts Microsoft documents for Teams (public cloud, GCC,
 * GCC High, DoD, China operated by 21Vianet): the Teams SDKs allow these
 * serviceUrl hosts by default.
 */
const TEAMS_CONNECTOR_HOSTS = new Set([
  'smba.trafficmanager.net',
  'smba.onyx.prod.teams.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
  'frontend.botapi.msg.infra.teams.microsoftonline.cn',
]);

/** The Bot Framework Service's own domains (public and US Government clouds). */
const BOT_FRAMEWORK_DOMAINS = ['.botframework.com', '.botframework.us', '.botframework.azure.us'];

/**
 * Whether a serviceUrl is one of Microsoft's: an https URL on a Teams
 * connector host or a Bot Framework domain, on the default port. The bot
 * sends its Microsoft access token to the serviceUrl, so any other host
 * would receive it.
 */
export function isMicrosoftServiceUrl(serviceUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') return false;
  const host = url.hostname.toLowerCase();
  return TEAMS_CONNECTOR_HOSTS.has(host) || BOT_FRAMEWORK_DOMAINS.some((domain) => host.endsWith(domain));
}
