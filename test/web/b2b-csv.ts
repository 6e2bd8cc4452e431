/** A b2b CSV of one invoice, as the template's CSV has it, for the page's and serve's tests. */
const B2B_HEADER = 'GSTIN/UIN of Recipient,Receiver Name,Invoice Number,Invoice date,Invoice Value,Place Of Supply,Reverse Charge,Applicable % of Tax Rate,Invoice Type,E-Commerce GSTIN,Rate,Taxable Value,Cess Amount';

/** `date` as the template writes it (03-Oct-2025); `recipient` with a wrong check digit makes an error */
export function b2bCsv(invoice: string, date: string, recipient = '27AAFCP7263Q1ZM'): Buffer {
  return Buffer.from(`${B2B_HEADER}\n${recipient},Pune Infotech Solutions Pvt Ltd,${invoice},${date},"5,72,300.00",27-Maharashtra,N,,Regular B2B,,18,"4,85,000.00",\n`);
}
