import type { Migration } from 'kysely';
import { organisations } from './0001-organisations';
import { accounts } from './0002-accounts';
import { invites } from './0003-invites';
import { designs } from './0004-designs';
import { printJobs } from './0005-print-jobs';
import { shareLinks } from './0006-share-links';
import { auditLog } from './0007-audit-log';
import { auditDetails } from './0008-audit-details';
import { printJobsUnknown } from './0009-print-jobs-unknown';
import { printJobsByPdf } from './0010-print-jobs-by-pdf';
import { printJobsBytes } from './0011-print-jobs-bytes';
import { organisationImprints } from './0012-organisation-imprints';
import { agentRole } from './0014-agent-role';
import { signOff } from './0015-sign-off';
import { signOffSetting } from './0016-sign-off-setting';
import { printers } from './0020-printers';
import { printerPrices } from './0021-printer-prices';
import { printOrders } from './0022-print-orders';
import { printOrderTransitions } from './0023-print-order-transitions';
import { elections } from './0030-elections';
import { spendingLedger } from './0031-spending-ledger';
import { variantTables } from './0040-variant-tables';
import { spendingOrderLink } from './0041-spending-order-link';
import { organisationParents } from './0050-organisation-parents';
import { publishedTemplates } from './0051-published-templates';
import { designTemplateLink } from './0052-design-template-link';
import { brandKits } from './0053-brand-kits';
import { printRuns } from './0060-print-runs';
import { variantTableKind } from './0070-variant-table-kind';
import { printRunTableHash } from './0080-print-run-table-hash';
import { signOffOfRuns } from './0081-sign-off-of-runs';
import { runOrders } from './0082-run-orders';
import { printRunVariantJobs } from './0110-print-run-variant-jobs';
import { brandKitLogoNames } from './0111-brand-kit-logo-names';

/**
 * Every migration, by name, in the order they run: forwards only (no `down`), each doing one thing.
 * A new one gets the next number; a released one is never edited.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-organisations': organisations,
  '0002-accounts': accounts,
  '0003-invites': invites,
  '0004-designs': designs,
  '0005-print-jobs': printJobs,
  '0006-share-links': shareLinks,
  '0007-audit-log': auditLog,
  '0008-audit-details': auditDetails,
  '0009-print-jobs-unknown': printJobsUnknown,
  '0010-print-jobs-by-pdf': printJobsByPdf,
  '0011-print-jobs-bytes': printJobsBytes,
  '0012-organisation-imprints': organisationImprints,
  '0014-agent-role': agentRole,
  '0015-sign-off': signOff,
  '0016-sign-off-setting': signOffSetting,
  '0020-printers': printers,
  '0021-printer-prices': printerPrices,
  '0022-print-orders': printOrders,
  '0023-print-order-transitions': printOrderTransitions,
  '0030-elections': elections,
  '0031-spending-ledger': spendingLedger,
  '0040-variant-tables': variantTables,
  '0041-spending-order-link': spendingOrderLink,
  '0050-organisation-parents': organisationParents,
  '0051-published-templates': publishedTemplates,
  '0052-design-template-link': designTemplateLink,
  '0053-brand-kits': brandKits,
  '0060-print-runs': printRuns,
  '0070-variant-table-kind': variantTableKind,
  '0080-print-run-table-hash': printRunTableHash,
  '0081-sign-off-of-runs': signOffOfRuns,
  '0082-run-orders': runOrders,
  '0110-print-run-variant-jobs': printRunVariantJobs,
  '0111-brand-kit-logo-names': brandKitLogoNames,
};
