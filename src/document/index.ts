/**
 * Documents as published: one entry for PDF, DOCX, DOC, HTML and text files.
 *
 * @packageDocumentation
 */
export { parseDocument, type DocumentOptions } from "./parse-document.js";
export { sniffFormat, type DocumentFormat } from "../file/sniff-format.js";
export { isMissingPeer, type MissingPeerError } from "../file/missing-peer.js";
