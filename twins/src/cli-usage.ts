// What `clientele-twin --help` prints, and the error a bad command line is.

export const USAGE = `clientele-twin <provider> [options]

  <provider>           cubit, onlinewerkrooster, cube4sales or cyclesoftware
  --port N             listen on 127.0.0.1:N (default: a free port)
  --empty              start with no data (default: the vendor document's examples)
  --seed file.json     start with these fixtures instead (the shape of the twin's seed(), see the README)
  --credentials C      cubit: test=KEY,prod=KEY   onlinewerkrooster: APIKEY:CUSTOMERKEY
                       cyclesoftware: USERNAME:PASSWORD   (cube4sales has no authentication)
  --page-size N        cyclesoftware: customers per list page (default 500)
  --minute-limit N     cyclesoftware: requests allowed per minute (default 360)
  --day-limit N        cyclesoftware: requests allowed per day (default 15000)
  --now ISO            a fixed clock, e.g. 2024-01-15T09:00:00Z (the Date header, modification times, limits)
  --max-body-bytes N   refuse larger request bodies with 413 (default 1048576)
  --help               this text`;

/** A bad command line: the message names the option at fault. */
export class UsageError extends Error {
  override name = "UsageError";
}
