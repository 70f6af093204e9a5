import { redactSecret } from './redactSecret';

/**
 * The CLI's rule for a base URL found in `.clinalign/config.yaml`: that file comes with the repository, so its
 * URL was chosen by whoever wrote the repository, not by the user. Cases (and the API key) go there only when
 * the user confirms it with `--trust-endpoint`. A URL from `--base-url` or `CLINALIGN_BASE_URL` is the user's
 * own and wins over the file, so a file naming the same URL changes nothing.
 */
export interface ConfigEndpointQuestion {
  /** `--base-url`, if given. */
  flagUrl: string | undefined;
  /** `CLINALIGN_BASE_URL`, if set. */
  envUrl: string | undefined;
  /** The config file and the base URL it sets, if any. */
  file: string | undefined;
  fileUrl: string | undefined;
  trustEndpoint: boolean;
  /** Only changes the wording: the message says the key would have gone too. */
  hasApiKey: boolean;
}

/** Why nothing may be sent, or undefined when the URL in effect is one the user chose or confirmed. */
export function refuseConfigEndpoint(question: ConfigEndpointQuestion): string | undefined {
  const { flagUrl, envUrl, file } = question;
  if (flagUrl || envUrl || !file || !question.fileUrl || question.trustEndpoint) return undefined;
  const fileUrl = redactSecret(question.fileUrl, undefined);
  const what = question.hasApiKey ? 'cases or your API key' : 'cases';
  return (
    `${file} sets the model endpoint to ${fileUrl}. That file came with the repository, and ClinAlign sends ${what} only to an endpoint you chose, so nothing was sent. ` +
    `If you trust ${fileUrl}, run again with --trust-endpoint, or set CLINALIGN_BASE_URL=${fileUrl} (or pass --base-url ${fileUrl}).`
  );
}
