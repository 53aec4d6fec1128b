package io.leadscore.adapter.http.json;

/**
 * A file could not be read as a document: missing, unreadable, or not valid YAML or JSON. The
 * message names the source and, for syntax errors, the line and column ({@code model.yaml:3:7: not
 * valid YAML: ...}).
 */
public final class DocumentSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final long column;
  private final String detail;

  /**
   * @param source the file name (or another name for the text)
   * @param line 1-based line of the error, or 0 when unknown
   * @param column 1-based column of the error, or 0 when unknown
   * @param detail what is wrong, without the source and position
   */
  public DocumentSyntaxException(
      String source, long line, long column, String detail, Throwable cause) {
    super(source + position(line, column) + ": " + detail, cause);
    this.source = source;
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  /** An error with the whole file (missing, unreadable). */
  public DocumentSyntaxException(String source, String detail, Throwable cause) {
    this(source, 0, 0, detail, cause);
  }

  private static String position(long line, long column) {
    return line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "";
  }

  /** The file name (or another name for the text). */
  public String source() {
    return source;
  }

  /** 1-based line of the error, or 0 when unknown. */
  public long line() {
    return line;
  }

  /** 1-based column of the error, or 0 when unknown. */
  public long column() {
    return column;
  }

  /** What is wrong, after its position in words ({@code line 3, column 7: ...}) when known. */
  public String located() {
    return line > 0
        ? "line " + line + (column > 0 ? ", column " + column : "") + ": " + detail
        : detail;
  }

  /** What is wrong, without the source and position. */
  public String detail() {
    return detail;
  }
}
