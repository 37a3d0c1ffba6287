/** Names shared by the server and the worker: queues, job names, file store folders. One place, so they cannot drift. */

/** The BullMQ queue of print jobs. */
export const PRINT_QUEUE = 'print-jobs';
/** The BullMQ job name of a render. */
export const RENDER_JOB = 'render-pdf';
/**
 * The BullMQ job name of a print run's parent job (issue 16): it waits, in the print queue, until every
 * variant's render (its children, ordinary RENDER_JOBs) has finished, then the worker sums the run up.
 */
export const RUN_JOB = 'print-run';
/** The parent job's id of a print run (not a print job id: those are 32 hexadecimal characters). */
export const runJobId = (runId: string) => `run-${runId}`;
/** Prefix of all BullMQ keys in Redis. */
export const QUEUE_PREFIX = 'rosette';

/** File store key of a rendered PDF. */
export const pdfKey = (hash: string) => `pdfs/${hash}.pdf`;
/** File store key of a print run's ZIP (each version's PDF, named after its row), by the run's combined PDF hash. */
export const runZipKey = (combinedHash: string) => `runs/${combinedHash}.zip`;
/**
 * A picture already converted for print by one of a print run's renders, kept in the file store until
 * the run's combined PDF is made (worker/pdf/converted-image-file.ts); named by the hash of its conversion key.
 */
export const convertedImageKey = (conversionHash: string) => `converted/${conversionHash}.bin`;
/** File store key of an uploaded image. */
export const assetKey = (id: string, ext: 'jpg' | 'png') => `assets/${id}.${ext}`;
/** File store key of an uploaded image's facts (pixel size, type). */
export const assetInfoKey = (id: string) => `assets/${id}.json`;

/**
 * Prefix of the workers' heartbeat keys, `rosette:workers:<worker id>`. Each live worker process
 * rewrites its key every WORKER_HEARTBEAT_MS with a time to live of three intervals, so counting the
 * keys under this prefix counts the workers alive right now. The value is a `WorkerHeartbeat` (JSON).
 */
export const WORKER_HEARTBEAT_PREFIX = `${QUEUE_PREFIX}:workers:`;
/** Redis key of one worker process's heartbeat. */
export const workerHeartbeatKey = (workerId: string) => `${WORKER_HEARTBEAT_PREFIX}${workerId}`;

/*
 * Redis keys of accounts, sessions, saved designs and share links. Only the server reads them. Secrets
 * (session ids, invite and share tokens) and email addresses never appear in a key: keys hold their
 * digests, so a key listing or a slow log shows nothing anybody could use or read.
 */

/** Hash of one account (`Account` fields), by account id. */
export const accountKey = (accountId: string) => `${QUEUE_PREFIX}:account:${accountId}`;
/** Set of every account id: the admin's accounts page (never shown to anyone else). */
export const ACCOUNTS_KEY = `${QUEUE_PREFIX}:accounts`;
/** String: the account id of an email address, by the sha256 of the normalised address. */
export const accountByEmailKey = (emailDigest: string) => `${QUEUE_PREFIX}:account-by-email:${emailDigest}`;
/** Hash of one organisation (id, name). */
export const organisationKey = (orgId: string) => `${QUEUE_PREFIX}:org:${orgId}`;
/** String: the organisation id of a name, by the sha256 of the normalised name. */
export const organisationByNameKey = (nameDigest: string) => `${QUEUE_PREFIX}:org-by-name:${nameDigest}`;
/** Hash of one session, by the keyed digest of its id; expires when the session does. */
export const sessionKey = (sessionDigest: string) => `${QUEUE_PREFIX}:session:${sessionDigest}`;
/** Set of an account's session digests, so disabling the account can end them all. */
export const accountSessionsKey = (accountId: string) => `${QUEUE_PREFIX}:account-sessions:${accountId}`;
/** String: the account id an invite is for, by the keyed digest of the invite token; expires with the invite. */
export const inviteKey = (inviteDigest: string) => `${QUEUE_PREFIX}:invite:${inviteDigest}`;
/** Hash of failed sign-ins for one email address (whether or not it has an account), by its digest. */
export const signInFailuresKey = (emailDigest: string) => `${QUEUE_PREFIX}:sign-in-failures:${emailDigest}`;
/** Prefix of express-rate-limit's per-address counters of sign-in attempts. */
export const SIGN_IN_RATE_PREFIX = `${QUEUE_PREFIX}:rate:sign-in:`;
/** Prefix of express-rate-limit's per-address counters of invite acceptances. */
export const INVITE_RATE_PREFIX = `${QUEUE_PREFIX}:rate:invite:`;
/** Hash of one saved design, by design id. */
export const savedDesignKey = (designId: string) => `${QUEUE_PREFIX}:design:${designId}`;
/** Sorted set of an organisation's design ids, scored by last change (ms). */
export const organisationDesignsKey = (orgId: string) => `${QUEUE_PREFIX}:org-designs:${orgId}`;
/** Hash of one share link, by its public id; expires with the link. */
export const shareLinkKey = (linkId: string) => `${QUEUE_PREFIX}:share:${linkId}`;
/** String: the share link id of a token, by the keyed digest of the token; expires with the link. */
export const shareTokenKey = (tokenDigest: string) => `${QUEUE_PREFIX}:share-token:${tokenDigest}`;
/** Sorted set of a print job's share link ids, scored by expiry (ms; never-expiring links by Number.MAX_SAFE_INTEGER). */
export const jobShareLinksKey = (jobId: string) => `${QUEUE_PREFIX}:job-shares:${jobId}`;
/**
 * Sorted set of an organisation's share link ids, scored like jobShareLinksKey. It outlives the print
 * job (BullMQ drops finished jobs after 30 days), so a link can be listed and withdrawn for its whole life.
 */
export const organisationShareLinksKey = (orgId: string) => `${QUEUE_PREFIX}:org-shares:${orgId}`;
/** Pattern of every share link hash, for the start-up pass that indexes links made before the organisation index (SCAN MATCH). */
export const SHARE_LINK_KEY_PATTERN = `${QUEUE_PREFIX}:share:*`;
/** List of audit entries (JSON), newest first, capped. */
export const AUDIT_LOG_KEY = `${QUEUE_PREFIX}:audit`;

/*
 * Redis keys of the overload protection (server only). The admin's maintenance switch is shared by
 * every server process: each keeps a copy, refreshed on a pub/sub message and by polling.
 */

/** Hash of the admin's maintenance switch: mode (on, off, auto), message, expectedBackAt, reason, setBy, setAt. Absent means auto. */
export const MAINTENANCE_SWITCH_KEY = `${QUEUE_PREFIX}:overload:switch`;
/** Pub/sub channel announcing that the switch changed (the message is the time of the change, ms). */
export const MAINTENANCE_SWITCH_CHANNEL = `${QUEUE_PREFIX}:overload:switch-changed`;
/** List of switch changes (JSON: who, when, why), newest first, capped. */
export const MAINTENANCE_AUDIT_KEY = `${QUEUE_PREFIX}:overload:audit`;
/** Prefix of express-rate-limit's per-address counters of one budget (print-jobs, uploads, reads, downloads). */
export const rateLimitPrefix = (budget: string) => `${QUEUE_PREFIX}:rate:${budget}:`;

/*
 * Redis keys of the admin console's live figures. Every server and worker process appends one point
 * (JSON, `TelemetryPoint` in common/queue/telemetry-point.ts) every TELEMETRY_INTERVAL_MS to a capped
 * list of its own, and notes itself in one sorted set, so a reader finds every process without a SCAN.
 */

/** Sorted set of the processes publishing figures: member = process id, score = time of its newest point (ms). */
export const TELEMETRY_PROCESSES_KEY = `${QUEUE_PREFIX}:telemetry:processes`;
/** List of one process's points (JSON), newest first, capped to the console's window; expires when the process stops publishing. */
export const telemetryKey = (processId: string) => `${QUEUE_PREFIX}:telemetry:points:${processId}`;
