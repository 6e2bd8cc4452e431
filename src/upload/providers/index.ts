/** The adapters by name, and one way to build any of them from credentials sources. */
import { checkBaseUrl, configuredBaseUrl, DEFAULT_BASE_URLS, loadCredentials, providerName, type CredentialSources, type ProviderName } from '../config.js';
import type { Provider } from '../types.js';
import sandbox, { type SandboxOptions } from './sandbox.js';
import type { AdapterOptions } from './shared.js';
import whitebooks, { type WhiteBooksOptions } from './whitebooks.js';

export type { AdapterOptions } from './shared.js';
export { default as sandbox } from './sandbox.js';
export { default as whitebooks } from './whitebooks.js';

export type ProviderFactory<O> = (opts: O) => Provider;

export interface ProviderOptionsFor {
  whitebooks: WhiteBooksOptions;
  sandbox: SandboxOptions;
}

export const PROVIDERS: { readonly [N in ProviderName]: ProviderFactory<ProviderOptionsFor[N]> } = { whitebooks, sandbox };

/**
 * Builds an adapter, reading its credentials from the environment or the config file. The base
 * URL is the option, else the config file's, else the provider's production host.
 */
export async function createProvider(name: ProviderName, opts: AdapterOptions & CredentialSources): Promise<Provider> {
  // a name from outside the type (a JavaScript caller, a config file) is refused, never taken for another provider
  const known = providerName(name);
  const baseUrl = checkBaseUrl(opts.baseUrl ?? (await configuredBaseUrl(known, opts.configFile)) ?? DEFAULT_BASE_URLS[known]);
  const common: AdapterOptions = {
    baseUrl,
    ...(opts.http ? { http: opts.http } : {}),
    ...(opts.redactor ? { redactor: opts.redactor } : {}),
    ...(opts.log ? { log: opts.log } : {}),
  };
  switch (known) {
    case 'whitebooks':
      return whitebooks({ ...common, credentials: await loadCredentials('whitebooks', opts) });
    case 'sandbox':
      return sandbox({ ...common, credentials: await loadCredentials('sandbox', opts) });
  }
}
