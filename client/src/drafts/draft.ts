import type { DesignTemplateResponse } from '../../../common/api/published-template-response';
import type { DesignInput } from '../../../common/design/design-schema';
import type { AssetInfo } from '../../../common/layout/layout-design';

/** A print the campaigner asked for that has not reached the queue yet (the service was down or busy). */
export interface PendingPrint {
  /** When the campaigner pressed Send, milliseconds since the epoch. */
  requestedAt: number;
  /** Set once the service has turned this print away, so the page can say it was sent by itself later (even after a reload). */
  interrupted?: boolean;
  /** The campaigner pressed "Print anyway" after being told some images are below 150 ppi: they are printed as they are. */
  confirmLowResolutionImages?: boolean;
  /** The campaigner pressed "Print as it is" after being told some text is still the template's words. */
  confirmUnchangedTemplateText?: boolean;
}

/**
 * A print queued while Rosette was closed (maintenance, overload, no network) that the server refused
 * when it was finally sent: kept with the draft, so the campaigner is told even if they were away, or
 * reloaded, when it happened. Cleared by the next Send, or when they dismiss it.
 */
export interface RefusedPrint {
  /** When it was refused, milliseconds since the epoch. */
  at: number;
  /** The server's answer: status, stable code, sentence and fields (as ApiError has them). */
  status: number;
  code: string;
  message: string;
  fields: Array<{ path: string; message: string }>;
  /** designKey() of the design as it was sent. */
  designKey: string;
  /** What that send had confirmed, kept for the next. */
  confirmed: Pick<PendingPrint, 'confirmLowResolutionImages' | 'confirmUnchangedTemplateText'>;
}

/** The print job last sent for this draft, so its progress and download survive a reload. */
export interface SentPrint {
  statusUrl: string;
  /** designKey() of the design as it was sent: when the design has changed since, the PDF is out of date. */
  designKey: string;
  /** Whether it reached the queue only after the service had been unavailable (the page then says so). */
  afterOutage: boolean;
}

/** Everything the designer keeps in the browser for one leaflet, saved on every change. */
export interface Draft {
  /** Random id, also in the page address (#/draft/<id>). */
  id: string;
  templateId: string;
  design: DesignInput;
  /** Pixel sizes of the images the design uses, by asset id (the layout needs them to crop and to check resolution). */
  assets: Record<string, AssetInfo>;
  /** Index of the page being edited: 0 front, 1 back. */
  page: number;
  pendingPrint: PendingPrint | null;
  sentPrint: SentPrint | null;
  /** A queued print the server refused when it was sent; absent or null when there is none. */
  refusedPrint?: RefusedPrint | null;
  /** Milliseconds since the epoch. */
  savedAt: number;
  /** The id of the organisation's saved design this draft was opened from or saved as (server-side); absent if none. */
  savedDesignId?: string;
  /** The published template the saved design was made from, with the elements it locks and who locked them; absent or null if none. */
  template?: DesignTemplateResponse | null;
}
