import type { WaitReason } from './print-state';

/** Why the leaflet has not gone yet, in plain words, and that nothing is lost. */
export const WAIT_MESSAGES: Record<WaitReason, string> = {
  unavailable:
    'The print service is closed for maintenance or too busy right now. Your leaflet is safe: it is saved in this browser, and it will be sent automatically as soon as the service is back. You can keep editing, or close this page and come back later.',
  busy: 'Too many print requests have been sent in a short time. Your leaflet is saved in this browser, and it will be sent automatically in a moment.',
  offline: 'Rosette cannot be reached: check your internet connection. Your leaflet is saved in this browser, and it will be sent automatically when the connection is back.',
};

/** While following a job, when its status cannot be read for a moment. */
export const TROUBLE_MESSAGES: Record<WaitReason, string> = {
  unavailable: 'The print service is not answering for a moment; your job is still in the queue. Checking again shortly.',
  busy: 'The print service is busy; checking on your job again shortly.',
  offline: 'Rosette cannot be reached: check your internet connection. Checking again shortly.',
};
