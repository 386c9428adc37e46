/** Problem codes of the HTTP service, each with its params (part of the exhaustive ProblemCode union). */
export interface ServeProblemParams {
  /** A pack id in a URL that the server does not serve. */
  PACK_UNKNOWN: { pack: string; known: string[] };
  /** A URL or method the service does not have. */
  ROUTE_UNKNOWN: { method: string; url: string };
}
