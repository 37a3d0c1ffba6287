import type { PrinterResponse } from '../api/print-orders-api';
import { Field } from './field';

/** The choice of printer for an order (a single design's or a run's), with its problem from the server. */
export function PrinterField({ printers, printerId, onChange, problem }: { printers: readonly PrinterResponse[]; printerId: string; onChange: (printerId: string) => void; problem?: string }) {
  return (
    <Field label="Printer" problem={problem} hint="The printer the design's imprint names.">
      {(p) => (
        <select {...p} value={printerId} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choose a printer…</option>
          {printers.map((pr) => (
            <option key={pr.id} value={pr.id}>
              {pr.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
