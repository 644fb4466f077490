import type { AuditRule } from '../finding';

/**
 * A duty quote its JD no longer contains: the capabilities it justified have no JD line behind them.
 * `validate` refuses such roles, so what is deployed still holds the access the quote used to justify.
 */
export const brokenJustification: AuditRule = {
  id: 'Coverage-BrokenJustification',
  category: 'coverage',
  description: 'a duty quote the JD no longer contains',
  check: ({ brokenQuotes, bundle }) =>
    brokenQuotes.map((broken) => {
      const role = bundle.roles.find((located) => located.value.id === broken.role);
      const capabilities = role?.value.duties.find((duty) => duty.quote === broken.quote)?.capabilities ?? [];
      return {
        detail: `${broken.role}:${broken.at.file}:${broken.at.line}`,
        severity: 'high' as const,
        subject: `role:${broken.role}`,
        message: `the duty quoted at ${broken.at.file}:${broken.at.line} is no longer in ${broken.jd}, so ${capabilities.join(', ') || 'its capabilities'} ${capabilities.length === 1 ? 'has' : 'have'} no JD line behind ${capabilities.length === 1 ? 'it' : 'them'}`,
        evidence: [
          `${broken.at.file}:${broken.at.line}: quote "${broken.quote}"`,
          `not found in ${broken.jd}`,
          ...(broken.was ? [`was ${broken.was.file}:${broken.was.line}`] : []),
        ],
      };
    }),
};
