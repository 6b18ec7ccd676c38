import QRCode from 'qrcode';
import type { DocumentView } from '../document-view.js';
import { drawReceipt } from './form-01-receipt.js';
import { drawSupplementRequest } from './form-02-supplement.js';
import { drawRefusal } from './form-03-refusal.js';
import { drawApology } from './form-04-apology.js';
import { drawStopNotice } from './form-05-stop.js';
import { drawTrackingSlip } from './form-06-tracking.js';
import { collect, drawHeader, lookupBlock, openDocument, pageFooters, type Doc } from './layout.js';

/** A form's PDF: header, the form's own body, the lookup QR code, page footers. */
export async function renderDocument(view: DocumentView): Promise<Buffer> {
  // Medium error correction survives a crease or a poor photocopy; the margin is the quiet zone scanners need.
  const qr = view.head.lookupUrl ? await QRCode.toBuffer(view.head.lookupUrl, { errorCorrectionLevel: 'M', margin: 2, width: 240 }) : null;
  const doc = openDocument(view.head);
  const done = collect(doc);
  drawHeader(doc, view.head);
  drawBody(doc, view);
  lookupBlock(doc, view.head, qr);
  pageFooters(doc, view.head);
  doc.end();
  return done;
}

function drawBody(doc: Doc, view: DocumentView): void {
  switch (view.form) {
    case '01':
      return drawReceipt(doc, view);
    case '02':
      return drawSupplementRequest(doc, view);
    case '03':
      return drawRefusal(doc, view);
    case '04':
      return drawApology(doc, view);
    case '05':
      return drawStopNotice(doc, view);
    case '06':
      return drawTrackingSlip(doc, view);
  }
}
