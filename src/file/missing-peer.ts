/**
 * The error for an optional library that a document format needs and that is not
 * installed: it names the package to install.
 */

/** An Error whose `code` is `ERR_XXGK_MISSING_PEER` and whose `packageName` is the package to install. */
export interface MissingPeerError extends Error {
  code: "ERR_XXGK_MISSING_PEER";
  packageName: string;
}

/**
 * Make the error for a missing optional peer dependency.
 *
 * @param packageName - the npm package to install (`pdfjs-dist`, `mammoth`, `cfb`)
 * @param format - the document format that needs it (`PDF`, `DOCX`, `DOC`)
 * @param cause - the import error
 */
export function missingPeer(packageName: string, format: string, cause?: unknown): MissingPeerError {
  const error = new Error(
    `读取 ${format} 文件需要安装可选依赖 ${packageName} / reading ${format} files needs the optional package "${packageName}": npm install ${packageName}`,
    { cause },
  ) as MissingPeerError;
  error.code = "ERR_XXGK_MISSING_PEER";
  error.packageName = packageName;
  return error;
}

/** True for the error {@link missingPeer} makes. */
export function isMissingPeer(error: unknown): error is MissingPeerError {
  return error instanceof Error && (error as Partial<MissingPeerError>).code === "ERR_XXGK_MISSING_PEER";
}
