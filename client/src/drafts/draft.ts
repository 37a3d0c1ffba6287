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
  /** Milliseconds since the epoch. */
  savedAt: number;
  /** The id of the organisation's saved design this draft was opened from or saved as (server-side); absent if none. */
  savedDesignId?: string;
}
