// Node-API addon: libpcap live capture, handed to JS in batches copied into a JS-owned buffer.
//
// Why this shape (see ../README.md, "Live capture"):
// - One JS -> C call per batch: dispatch() runs pcap_dispatch(3PCAP) once, nonblocking, and
//   copies every packet it gets into the caller's Buffer as a fixed little-endian record
//   [u32 tsSec][u32 tsNsec][u32 caplen][u32 origlen][caplen bytes][0-3 zero bytes to a multiple
//   of 4], which JS walks without allocating.
// - Event loop: a uv_poll on pcap_get_selectable_fd(3PCAP) calls a JS function once per
//   readiness; JS then drains with dispatch() until it returns 0. Everything runs on the JS
//   thread, so there is no locking and no copy between threads; nothing spins, because the
//   packet socket only polls readable when the kernel hands a filled (or timed-out) ring block
//   to user space (pcap(3PCAP), "packet buffer timeout"). libuv's poll is level-triggered, so a
//   batch left unread is signalled again on the next loop turn.
// - A thread-safe function with a capture thread was the alternative; it would cost a thread
//   hop per batch and a second buffer, and gains nothing while one JS thread decodes anyway.
#define _GNU_SOURCE
#define NAPI_VERSION 8
#include <arpa/inet.h>
#include <netinet/in.h>
#include <node_api.h>
#include <pcap/pcap.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <uv.h>

#define RECORD_HEADER_LEN 16
// The spill area holds records libpcap handed over after the batch buffer was full. pcap_breakloop(3PCAP)
// promises "at most one more packet"; room for two keeps a margin, and anything beyond is counted.
#define SPILL_RECORDS 2
// pcap_stat counters are 32-bit (pcap_stats(3PCAP)); sample them often enough to unwrap them to 64 bits.
#define STATS_SAMPLE_PACKETS (1u << 24)
#define MESSAGE_LEN (PCAP_ERRBUF_SIZE + 512)

static const napi_type_tag CAPTURE_TAG = {0x6e657477617463ULL, 0x706361706c697665ULL};

typedef struct {
  uint64_t total;
  uint32_t last;
} counter64;

typedef struct capture {
  pcap_t *pcap; // NULL once closed
  char device[256];
  int nano; // timestamps in h->ts.tv_usec are nanoseconds (PCAP_TSTAMP_PRECISION_NANO)
  int snapshot;
  napi_env env;
  uv_poll_t poll;
  uv_timer_t timer; // only when pcap_get_required_select_timeout(3PCAP) asks for one
  int poll_initialized;
  int timer_initialized;
  int pending_closes; // uv handles whose close callback has not run yet
  int finalized;      // the JS external is gone; free once pending_closes is 0
  int in_callback;    // inside the JS readiness callback: JS-side resources are released after it returns
  napi_ref on_readable;
  napi_async_context async_context;
  unsigned char *spill;
  size_t spill_capacity;
  size_t spill_used;
  uint32_t spill_packets;
  uint64_t discarded;
  char failure[MESSAGE_LEN]; // a capture error met after packets were copied; thrown on the next call
  counter64 received;
  counter64 dropped;
  counter64 if_dropped;
  uint32_t since_sample;
} capture;

typedef struct {
  capture *cap;
  unsigned char *out;
  size_t size;
  size_t used;
  uint32_t packets;
  int full;
} batch;

// ---- errors ----------------------------------------------------------------------------------

// Throws Error(message) with error.code = code; returns NULL so callers can `return throw_error(...)`.
static napi_value throw_error(napi_env env, const char *code, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

static napi_value throw_error(napi_env env, const char *code, const char *format, ...) {
  char message[MESSAGE_LEN];
  va_list args;
  va_start(args, format);
  vsnprintf(message, sizeof message, format, args);
  va_end(args);
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (!pending) napi_throw_error(env, code, message);
  return NULL;
}

// A Node-API call failed: keep the exception it left, or throw one naming the call.
static napi_value throw_napi_failure(napi_env env, const char *call) {
  const napi_extended_error_info *info = NULL;
  napi_get_last_error_info(env, &info);
  const char *why = info != NULL && info->error_message != NULL ? info->error_message : "unknown";
  return throw_error(env, "internal", "pcap_live: %s failed: %s", call, why);
}

#define NAPI_CALL(env, call)                                                                       \
  do {                                                                                             \
    if ((call) != napi_ok) return throw_napi_failure((env), #call);                                \
  } while (0)

// ---- small value helpers ---------------------------------------------------------------------

static napi_status set_string(napi_env env, napi_value obj, const char *key, const char *value) {
  napi_value v;
  napi_status s = value == NULL ? napi_get_null(env, &v) : napi_create_string_utf8(env, value, NAPI_AUTO_LENGTH, &v);
  return s != napi_ok ? s : napi_set_named_property(env, obj, key, v);
}

static napi_status set_number(napi_env env, napi_value obj, const char *key, double value) {
  napi_value v;
  napi_status s = napi_create_double(env, value, &v);
  return s != napi_ok ? s : napi_set_named_property(env, obj, key, v);
}

static napi_status set_bool(napi_env env, napi_value obj, const char *key, bool value) {
  napi_value v;
  napi_status s = napi_get_boolean(env, value, &v);
  return s != napi_ok ? s : napi_set_named_property(env, obj, key, v);
}

// Reads options[key]; returns 0 if absent (undefined or null), 1 if present, -1 after throwing.
static int get_option(napi_env env, napi_value options, const char *key, napi_valuetype want, napi_value *out) {
  if (napi_get_named_property(env, options, key, out) != napi_ok) {
    throw_napi_failure(env, "napi_get_named_property");
    return -1;
  }
  napi_valuetype type;
  if (napi_typeof(env, *out, &type) != napi_ok) {
    throw_napi_failure(env, "napi_typeof");
    return -1;
  }
  if (type == napi_undefined || type == napi_null) return 0;
  if (type != want) {
    throw_error(env, "invalid_option", "pcap_live: option %s has the wrong type", key);
    return -1;
  }
  return 1;
}

static int option_int(napi_env env, napi_value options, const char *key, int fallback, int *out) {
  napi_value v;
  int present = get_option(env, options, key, napi_number, &v);
  if (present <= 0) {
    *out = fallback;
    return present;
  }
  return napi_get_value_int32(env, v, out) == napi_ok ? 1 : (throw_napi_failure(env, key), -1);
}

static int option_bool(napi_env env, napi_value options, const char *key, bool fallback, bool *out) {
  napi_value v;
  int present = get_option(env, options, key, napi_boolean, &v);
  if (present <= 0) {
    *out = fallback;
    return present;
  }
  return napi_get_value_bool(env, v, out) == napi_ok ? 1 : (throw_napi_failure(env, key), -1);
}

// Copies options[key] into a malloc'd string (*out NULL when absent).
static int option_string(napi_env env, napi_value options, const char *key, char **out) {
  napi_value v;
  *out = NULL;
  int present = get_option(env, options, key, napi_string, &v);
  if (present <= 0) return present;
  size_t len = 0;
  if (napi_get_value_string_utf8(env, v, NULL, 0, &len) != napi_ok) return (throw_napi_failure(env, key), -1);
  *out = malloc(len + 1);
  if (*out == NULL) return (throw_error(env, "internal", "pcap_live: out of memory"), -1);
  napi_get_value_string_utf8(env, v, *out, len + 1, &len);
  return 1;
}

// ---- the capture handle ----------------------------------------------------------------------

static void free_if_done(capture *c) {
  if (c->finalized && c->pending_closes == 0) free(c);
}

static void on_handle_closed(uv_handle_t *handle) {
  capture *c = handle->data;
  c->pending_closes--;
  free_if_done(c);
}

// Drops the JS callback and its async context (node's async_hooks resource).
static void release_js(capture *c) {
  if (c->on_readable != NULL) {
    napi_delete_reference(c->env, c->on_readable);
    c->on_readable = NULL;
  }
  if (c->async_context != NULL) {
    napi_async_destroy(c->env, c->async_context);
    c->async_context = NULL;
  }
}

// Stop polling and release libpcap; safe to call any number of times.
static void close_capture(capture *c) {
  if (c->poll_initialized) {
    // Stop watching the descriptor before pcap_close() closes it (uv_poll: never close a polled fd).
    uv_poll_stop(&c->poll);
    uv_close((uv_handle_t *)&c->poll, on_handle_closed);
    c->poll_initialized = 0;
    c->pending_closes++;
  }
  if (c->timer_initialized) {
    uv_close((uv_handle_t *)&c->timer, on_handle_closed);
    c->timer_initialized = 0;
    c->pending_closes++;
  }
  // close() from inside the callback: napi_make_callback() is still using the async context.
  if (!c->in_callback) release_js(c);
  if (c->pcap != NULL) {
    pcap_close(c->pcap);
    c->pcap = NULL;
  }
  free(c->spill);
  c->spill = NULL;
  c->spill_used = 0;
  c->spill_packets = 0;
}

// The handle became garbage: close what close() was not called for, free once libuv lets go.
static void finalize_capture(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  capture *c = data;
  close_capture(c);
  c->finalized = 1;
  free_if_done(c);
}

// Unwraps a handle made by open(); throws (and returns NULL) for anything else or a closed one.
static capture *get_capture(napi_env env, napi_value value, bool must_be_open) {
  napi_valuetype type;
  bool tagged = false;
  if (napi_typeof(env, value, &type) != napi_ok || type != napi_external ||
      napi_check_object_type_tag(env, value, &CAPTURE_TAG, &tagged) != napi_ok || !tagged) {
    throw_error(env, "invalid_argument", "pcap_live: not a live capture handle");
    return NULL;
  }
  void *data = NULL;
  if (napi_get_value_external(env, value, &data) != napi_ok) {
    throw_napi_failure(env, "napi_get_value_external");
    return NULL;
  }
  capture *c = data;
  if (must_be_open && c->pcap == NULL) {
    throw_error(env, "closed", "%s: the live capture is closed", c->device);
    return NULL;
  }
  return c;
}

// pcap_stats(3PCAP) counters are u_int and wrap; keep 64-bit totals from the differences.
static void advance(counter64 *counter, uint32_t now) {
  counter->total += (uint32_t)(now - counter->last);
  counter->last = now;
}

static int sample_stats(capture *c) {
  struct pcap_stat ps;
  if (pcap_stats(c->pcap, &ps) != 0) return -1;
  advance(&c->received, ps.ps_recv);
  advance(&c->dropped, ps.ps_drop);
  advance(&c->if_dropped, ps.ps_ifdrop);
  c->since_sample = 0;
  return 0;
}

// ---- open ------------------------------------------------------------------------------------

// Turns a failed pcap_activate(3PCAP) into an exception that says what to do about it.
static napi_value throw_activate_error(napi_env env, const char *device, int status, const char *detail) {
  const char *sep = detail[0] != '\0' ? " (libpcap: " : "";
  const char *end = detail[0] != '\0' ? ")" : "";
  switch (status) {
    case PCAP_ERROR_NO_SUCH_DEVICE:
      return throw_error(env, "no_such_device", "%s: no such network interface%s%s%s; `ip link` lists them", device,
                         sep, detail, end);
    case PCAP_ERROR_PERM_DENIED:
      return throw_error(env, "permission_denied",
                         "%s: permission denied opening a live capture%s%s%s. Live capture needs the CAP_NET_RAW "
                         "and CAP_NET_ADMIN capabilities or root: run as root, or grant them to the node binary "
                         "(setcap cap_net_raw,cap_net_admin=eip \"$(command -v node)\")",
                         device, sep, detail, end);
    case PCAP_ERROR_PROMISC_PERM_DENIED:
      return throw_error(env, "permission_denied",
                         "%s: not permitted to enable promiscuous mode%s%s%s; it needs CAP_NET_ADMIN or root, "
                         "or open with promiscuous: false",
                         device, sep, detail, end);
    case PCAP_ERROR_IFACE_NOT_UP:
      return throw_error(env, "interface_down", "%s: the interface is not up%s%s%s; `ip link set %s up`", device, sep,
                         detail, end, device);
    default:
      return throw_error(env, "open_failed", "%s: cannot start a live capture: %s%s%s%s", device,
                         pcap_statustostr(status), sep, detail, end);
  }
}

// Applies a BPF filter (pcap-filter(7)); returns 0, or -1 after throwing an error naming the filter.
static int apply_filter(napi_env env, pcap_t *p, const char *device, const char *filter) {
  char errbuf[PCAP_ERRBUF_SIZE] = "";
  bpf_u_int32 net = 0;
  bpf_u_int32 mask = 0;
  // pcap_compile(3PCAP): the netmask only matters for "ip broadcast"; unknown is allowed.
  if (pcap_lookupnet(device, &net, &mask, errbuf) != 0) mask = PCAP_NETMASK_UNKNOWN;
  struct bpf_program program;
  if (pcap_compile(p, &program, filter, 1, mask) != 0) {
    throw_error(env, "bad_filter", "%s: bad capture filter \"%s\": %s", device, filter, pcap_geterr(p));
    return -1;
  }
  int rc = pcap_setfilter(p, &program);
  pcap_freecode(&program);
  if (rc != 0) {
    throw_error(env, "bad_filter", "%s: cannot install capture filter \"%s\": %s", device, filter, pcap_geterr(p));
    return -1;
  }
  return 0;
}

typedef struct {
  char *device;
  char *filter;
  int snaplen;
  int buffer_size;
  int timeout_ms;
  bool promiscuous;
  bool immediate;
} open_options;

static int read_open_options(napi_env env, napi_value options, open_options *o) {
  if (option_string(env, options, "device", &o->device) < 0) return -1;
  if (o->device == NULL || o->device[0] == '\0') {
    throw_error(env, "invalid_option", "pcap_live: open() needs a device name");
    return -1;
  }
  if (option_string(env, options, "filter", &o->filter) < 0) return -1;
  if (option_int(env, options, "snaplen", 262144, &o->snaplen) < 0) return -1;
  if (option_int(env, options, "bufferSize", 64 * 1024 * 1024, &o->buffer_size) < 0) return -1;
  if (option_int(env, options, "timeoutMs", 50, &o->timeout_ms) < 0) return -1;
  if (option_bool(env, options, "promiscuous", true, &o->promiscuous) < 0) return -1;
  if (option_bool(env, options, "immediate", false, &o->immediate) < 0) return -1;
  return 0;
}

// Creates, configures and activates the pcap_t (pcap_create(3PCAP) then the pcap_set_*() calls,
// which must all come before pcap_activate(3PCAP)); NULL after throwing.
static pcap_t *activate(napi_env env, const open_options *o, char *warning, size_t warning_len) {
  char errbuf[PCAP_ERRBUF_SIZE] = "";
  pcap_t *p = pcap_create(o->device, errbuf);
  if (p == NULL) {
    throw_error(env, "open_failed", "%s: cannot create a capture handle: %s", o->device, errbuf);
    return NULL;
  }
  pcap_set_snaplen(p, o->snaplen);
  pcap_set_promisc(p, o->promiscuous ? 1 : 0);
  pcap_set_buffer_size(p, o->buffer_size);
  // pcap_set_timeout(3PCAP): the packet buffer timeout bounds how long a partly filled ring block
  // waits before user space sees it; with immediate mode off, Linux uses TPACKET_V3 blocks.
  pcap_set_timeout(p, o->timeout_ms);
  pcap_set_immediate_mode(p, o->immediate ? 1 : 0);
  // pcap_set_tstamp_precision(3PCAP) fails with PCAP_ERROR_TSTAMP_PRECISION_NOTSUP where the device
  // cannot do nanoseconds; microseconds are then the default, and open() reports which one we got.
  pcap_set_tstamp_precision(p, PCAP_TSTAMP_PRECISION_NANO);
  int status = pcap_activate(p);
  if (status < 0) {
    char detail[PCAP_ERRBUF_SIZE];
    snprintf(detail, sizeof detail, "%s", pcap_geterr(p));
    pcap_close(p);
    throw_activate_error(env, o->device, status, detail);
    return NULL;
  }
  if (status > 0) {
    // pcap_activate(3PCAP): a positive status is a warning; the capture works.
    const char *detail = pcap_geterr(p);
    snprintf(warning, warning_len, "%s: %s%s%s", o->device, pcap_statustostr(status), detail[0] != '\0' ? ": " : "",
             detail);
  }
  if (o->filter != NULL && apply_filter(env, p, o->device, o->filter) != 0) {
    pcap_close(p);
    return NULL;
  }
  if (pcap_setnonblock(p, 1, errbuf) != 0) {
    throw_error(env, "open_failed", "%s: cannot make the capture nonblocking: %s", o->device, errbuf);
    pcap_close(p);
    return NULL;
  }
  return p;
}

static size_t record_size(uint32_t caplen) {
  return RECORD_HEADER_LEN + (((size_t)caplen + 3) & ~(size_t)3);
}

static napi_value make_open_result(napi_env env, capture *c, const char *warning) {
  napi_value result;
  napi_value handle;
  if (napi_create_external(env, c, finalize_capture, NULL, &handle) != napi_ok) {
    close_capture(c);
    free(c);
    return throw_napi_failure(env, "napi_create_external");
  }
  // From here the finalizer owns c, whatever fails below.
  NAPI_CALL(env, napi_create_object(env, &result));
  NAPI_CALL(env, napi_type_tag_object(env, handle, &CAPTURE_TAG));
  NAPI_CALL(env, napi_set_named_property(env, result, "handle", handle));
  NAPI_CALL(env, set_number(env, result, "linktype", pcap_datalink(c->pcap)));
  NAPI_CALL(env, set_number(env, result, "snaplen", c->snapshot));
  NAPI_CALL(env, set_number(env, result, "recordMaxBytes", (double)record_size((uint32_t)c->snapshot)));
  NAPI_CALL(env, set_string(env, result, "timestampPrecision", c->nano ? "nano" : "micro"));
  NAPI_CALL(env, set_string(env, result, "warning", warning[0] != '\0' ? warning : NULL));
  return result;
}

// open({ device, filter?, snaplen?, promiscuous?, bufferSize?, timeoutMs?, immediate? })
//   -> { handle, linktype, snaplen, recordMaxBytes, timestampPrecision, warning }
static napi_value js_open(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value options;
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, &options, NULL, NULL));
  napi_valuetype type = napi_undefined;
  if (argc >= 1) napi_typeof(env, options, &type);
  if (type != napi_object) return throw_error(env, "invalid_option", "pcap_live: open() needs an options object");
  open_options o = {0};
  char warning[MESSAGE_LEN] = "";
  napi_value result = NULL;
  pcap_t *p = NULL;
  if (read_open_options(env, options, &o) == 0) p = activate(env, &o, warning, sizeof warning);
  if (p != NULL) {
    capture *c = calloc(1, sizeof *c);
    if (c == NULL) {
      pcap_close(p);
      throw_error(env, "internal", "%s: out of memory", o.device);
    } else {
      c->pcap = p;
      c->env = env;
      snprintf(c->device, sizeof c->device, "%s", o.device);
      c->nano = pcap_get_tstamp_precision(p) == PCAP_TSTAMP_PRECISION_NANO;
      c->snapshot = pcap_snapshot(p);
      c->spill_capacity = SPILL_RECORDS * record_size((uint32_t)c->snapshot);
      c->spill = malloc(c->spill_capacity);
      if (c->spill == NULL) {
        pcap_close(p);
        free(c);
        throw_error(env, "internal", "%s: out of memory", o.device);
      } else {
        result = make_open_result(env, c, warning);
      }
    }
  }
  free(o.device);
  free(o.filter);
  return result;
}

// ---- dispatch --------------------------------------------------------------------------------

static void put_u32le(unsigned char *p, uint32_t v) {
  p[0] = (unsigned char)v;
  p[1] = (unsigned char)(v >> 8);
  p[2] = (unsigned char)(v >> 16);
  p[3] = (unsigned char)(v >> 24);
}

static void write_record(unsigned char *dst, const struct pcap_pkthdr *h, const u_char *bytes, int nano) {
  // With PCAP_TSTAMP_PRECISION_NANO, ts.tv_usec carries nanoseconds (pcap_set_tstamp_precision(3PCAP)).
  uint32_t fraction = (uint32_t)h->ts.tv_usec;
  put_u32le(dst, (uint32_t)h->ts.tv_sec);
  put_u32le(dst + 4, nano ? fraction : fraction * 1000u);
  put_u32le(dst + 8, h->caplen);
  put_u32le(dst + 12, h->len);
  memcpy(dst + RECORD_HEADER_LEN, bytes, h->caplen);
  size_t padded = record_size(h->caplen) - RECORD_HEADER_LEN;
  memset(dst + RECORD_HEADER_LEN + h->caplen, 0, padded - h->caplen);
}

static void on_packet(u_char *user, const struct pcap_pkthdr *h, const u_char *bytes) {
  batch *b = (batch *)user;
  capture *c = b->cap;
  size_t need = record_size(h->caplen);
  if (!b->full && need <= b->size - b->used) {
    write_record(b->out + b->used, h, bytes, c->nano);
    b->used += need;
    b->packets++;
    return;
  }
  // No room: libpcap has already taken this packet off the ring, so keep it for the next
  // dispatch() and ask pcap_dispatch() to return (pcap_breakloop(3PCAP)).
  if (!b->full) {
    b->full = 1;
    pcap_breakloop(c->pcap);
  }
  if (need <= c->spill_capacity - c->spill_used) {
    write_record(c->spill + c->spill_used, h, bytes, c->nano);
    c->spill_used += need;
    c->spill_packets++;
  } else {
    c->discarded++;
  }
}

// Copies spilled records to the front of the batch buffer.
static void take_spill(capture *c, batch *b) {
  if (c->spill_used == 0 || c->spill_used > b->size) return;
  memcpy(b->out, c->spill, c->spill_used);
  b->used = c->spill_used;
  b->packets = c->spill_packets;
  c->spill_used = 0;
  c->spill_packets = 0;
}

// dispatch(handle, buffer, maxPackets, result: Uint32Array(2)) -> packets
// Fills buffer with records, result[0] = packets, result[1] = bytes used. maxPackets <= 0: no limit.
static napi_value js_dispatch(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 4) return throw_error(env, "invalid_argument", "pcap_live: dispatch() needs 4 arguments");
  capture *c = get_capture(env, argv[0], true);
  if (c == NULL) return NULL;
  if (c->failure[0] != '\0') return throw_error(env, "capture_failed", "%s", c->failure);
  bool is_buffer = false;
  NAPI_CALL(env, napi_is_buffer(env, argv[1], &is_buffer));
  if (!is_buffer) return throw_error(env, "invalid_argument", "pcap_live: dispatch() needs a Buffer");
  void *data = NULL;
  size_t size = 0;
  NAPI_CALL(env, napi_get_buffer_info(env, argv[1], &data, &size));
  if (size < c->spill_capacity) {
    return throw_error(env, "invalid_argument", "%s: batch buffer of %zu bytes is below the %zu bytes two records of "
                       "snaplen %d need", c->device, size, c->spill_capacity, c->snapshot);
  }
  int32_t max_packets = 0;
  NAPI_CALL(env, napi_get_value_int32(env, argv[2], &max_packets));
  bool is_typed = false;
  NAPI_CALL(env, napi_is_typedarray(env, argv[3], &is_typed));
  napi_typedarray_type result_type = napi_int8_array;
  size_t result_len = 0;
  void *result_data = NULL;
  if (is_typed) NAPI_CALL(env, napi_get_typedarray_info(env, argv[3], &result_type, &result_len, &result_data, NULL, NULL));
  if (!is_typed || result_type != napi_uint32_array || result_len < 2) {
    return throw_error(env, "invalid_argument", "pcap_live: dispatch() needs a Uint32Array(2) for its result");
  }

  batch b = {c, data, size, 0, 0, 0};
  take_spill(c, &b);
  if (max_packets <= 0 || b.packets < (uint32_t)max_packets) {
    int count = max_packets <= 0 ? -1 : max_packets - (int)b.packets;
    for (int attempt = 0; attempt < 2; attempt++) {
      int rc = pcap_dispatch(c->pcap, count, on_packet, (u_char *)&b);
      if (rc == PCAP_ERROR) {
        snprintf(c->failure, sizeof c->failure, "%s: capture failed: %s", c->device, pcap_geterr(c->pcap));
        if (b.packets == 0) return throw_error(env, "capture_failed", "%s", c->failure);
        break; // hand over what was copied; the next call throws
      }
      // pcap_breakloop(3PCAP): after a positive return the break flag stays set, so the next call
      // returns PCAP_ERROR_BREAK at once and clears it. That is our own stale break: read again.
      if (rc == PCAP_ERROR_BREAK && !b.full && attempt == 0) continue;
      break;
    }
  }
  c->since_sample += b.packets;
  if (c->since_sample >= STATS_SAMPLE_PACKETS) sample_stats(c);
  uint32_t *out = result_data;
  out[0] = b.packets;
  out[1] = (uint32_t)b.used;
  napi_value packets;
  NAPI_CALL(env, napi_create_uint32(env, b.packets, &packets));
  return packets;
}

// ---- readiness -------------------------------------------------------------------------------

// Calls the JS readiness callback: callback(undefined) when readable, callback(message) when
// polling failed. An exception from JS becomes an uncaught exception, as for any other callback.
static void notify_js(capture *c, int status) {
  napi_env env = c->env;
  if (c->on_readable == NULL) return;
  napi_handle_scope scope;
  if (napi_open_handle_scope(env, &scope) != napi_ok) return;
  napi_value fn;
  napi_value recv;
  napi_value arg;
  bool ok = napi_get_reference_value(env, c->on_readable, &fn) == napi_ok && fn != NULL &&
            napi_get_global(env, &recv) == napi_ok; // node::MakeCallback needs an object receiver
  if (ok) {
    ok = status < 0 ? napi_create_string_utf8(env, uv_strerror(status), NAPI_AUTO_LENGTH, &arg) == napi_ok
                    : napi_get_undefined(env, &arg) == napi_ok;
  }
  c->in_callback = 1;
  napi_status status_js = ok ? napi_make_callback(env, c->async_context, recv, fn, 1, &arg, NULL) : napi_ok;
  c->in_callback = 0;
  if (status_js == napi_pending_exception) {
    napi_value error;
    if (napi_get_and_clear_last_exception(env, &error) == napi_ok) napi_fatal_exception(env, error);
  }
  if (c->pcap == NULL) release_js(c); // closed by the callback
  napi_close_handle_scope(env, scope);
}

static void on_poll(uv_poll_t *handle, int status, int events) {
  (void)events;
  capture *c = handle->data;
  if (c->pcap == NULL) return;
  // libuv stops the watcher itself on POLLERR (status UV_EBADF); JS learns pcap's reason from dispatch().
  notify_js(c, status);
}

static void on_timer(uv_timer_t *handle) {
  capture *c = handle->data;
  if (c->pcap != NULL) notify_js(c, 0);
}

// poll(handle, callback): start calling callback() whenever packets may be read.
static napi_value js_poll(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc < 2) return throw_error(env, "invalid_argument", "pcap_live: poll() needs a handle and a callback");
  capture *c = get_capture(env, argv[0], true);
  if (c == NULL) return NULL;
  napi_valuetype type;
  NAPI_CALL(env, napi_typeof(env, argv[1], &type));
  if (type != napi_function) return throw_error(env, "invalid_argument", "pcap_live: poll() needs a callback");
  if (c->on_readable != NULL) return throw_error(env, "already_started", "%s: the live capture is already started", c->device);
  int fd = pcap_get_selectable_fd(c->pcap);
  if (fd < 0) return throw_error(env, "open_failed", "%s: the device has no selectable descriptor", c->device);
  uv_loop_t *loop = NULL;
  NAPI_CALL(env, napi_get_uv_event_loop(env, &loop));
  napi_value resource_name;
  NAPI_CALL(env, napi_create_string_utf8(env, "NetwatchLiveCapture", NAPI_AUTO_LENGTH, &resource_name));
  NAPI_CALL(env, napi_async_init(env, NULL, resource_name, &c->async_context));
  NAPI_CALL(env, napi_create_reference(env, argv[1], 1, &c->on_readable));
  int rc = uv_poll_init(loop, &c->poll, fd);
  if (rc != 0) return throw_error(env, "open_failed", "%s: cannot poll the capture: %s", c->device, uv_strerror(rc));
  c->poll.data = c;
  c->poll_initialized = 1;
  rc = uv_poll_start(&c->poll, UV_READABLE, on_poll);
  if (rc != 0) return throw_error(env, "open_failed", "%s: cannot poll the capture: %s", c->device, uv_strerror(rc));
  // pcap_get_required_select_timeout(3PCAP): where readiness alone is not enough (old kernels'
  // TPACKET_V3), libpcap says how often to try a read regardless; NULL on current Linux.
  const struct timeval *required = pcap_get_required_select_timeout(c->pcap);
  if (required != NULL) {
    uint64_t ms = (uint64_t)required->tv_sec * 1000u + (uint64_t)required->tv_usec / 1000u;
    if (ms == 0) ms = 1;
    uv_timer_init(loop, &c->timer);
    c->timer.data = c;
    c->timer_initialized = 1;
    uv_timer_start(&c->timer, on_timer, ms, ms);
  }
  return NULL;
}

// ---- stats, close, interfaces ----------------------------------------------------------------

// stats(handle) -> { received, dropped, ifDropped, discarded }, totals since open.
static napi_value js_stats(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value handle;
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, &handle, NULL, NULL));
  if (argc < 1) return throw_error(env, "invalid_argument", "pcap_live: stats() needs a handle");
  capture *c = get_capture(env, handle, true);
  if (c == NULL) return NULL;
  if (sample_stats(c) != 0) {
    return throw_error(env, "capture_failed", "%s: cannot read capture statistics: %s", c->device, pcap_geterr(c->pcap));
  }
  napi_value result;
  NAPI_CALL(env, napi_create_object(env, &result));
  NAPI_CALL(env, set_number(env, result, "received", (double)c->received.total));
  NAPI_CALL(env, set_number(env, result, "dropped", (double)c->dropped.total));
  NAPI_CALL(env, set_number(env, result, "ifDropped", (double)c->if_dropped.total));
  NAPI_CALL(env, set_number(env, result, "discarded", (double)c->discarded));
  return result;
}

// close(handle): stop polling, pcap_close(); a second call does nothing.
static napi_value js_close(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value handle;
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, &handle, NULL, NULL));
  if (argc < 1) return throw_error(env, "invalid_argument", "pcap_live: close() needs a handle");
  capture *c = get_capture(env, handle, false);
  if (c != NULL) close_capture(c);
  return NULL;
}

// inject(handle, frame) -> bytes sent: one link-layer frame out of the capture's interface
// (pcap_inject(3PCAP)), for the asset sensor's optional ARP sweep. Needs CAP_NET_RAW like capture.
static napi_value js_inject(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value args[2];
  NAPI_CALL(env, napi_get_cb_info(env, info, &argc, args, NULL, NULL));
  if (argc < 2) return throw_error(env, "invalid_argument", "pcap_live: inject() needs a handle and a frame");
  capture *c = get_capture(env, args[0], true);
  if (c == NULL) return NULL;
  bool is_typed = false;
  NAPI_CALL(env, napi_is_typedarray(env, args[1], &is_typed));
  if (!is_typed) return throw_error(env, "invalid_argument", "pcap_live: inject() frame must be a Uint8Array");
  napi_typedarray_type type;
  size_t length = 0;
  void *data = NULL;
  NAPI_CALL(env, napi_get_typedarray_info(env, args[1], &type, &length, &data, NULL, NULL));
  if (type != napi_uint8_array || length == 0 || length > 65535) {
    return throw_error(env, "invalid_argument", "pcap_live: inject() frame must be 1..65535 bytes of Uint8Array");
  }
  int sent = pcap_inject(c->pcap, data, length);
  if (sent < 0) return throw_error(env, "capture_failed", "%s: cannot send a frame: %s", c->device, pcap_geterr(c->pcap));
  napi_value result;
  NAPI_CALL(env, napi_create_uint32(env, (uint32_t)sent, &result));
  return result;
}

static napi_status format_address(napi_env env, napi_value obj, const char *key, const struct sockaddr *sa) {
  char text[INET6_ADDRSTRLEN] = "";
  const char *value = NULL;
  if (sa != NULL && sa->sa_family == AF_INET) {
    value = inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, text, sizeof text);
  } else if (sa != NULL && sa->sa_family == AF_INET6) {
    value = inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, text, sizeof text);
  }
  return set_string(env, obj, key, value);
}

static napi_value describe_device(napi_env env, const pcap_if_t *d) {
  napi_value dev;
  napi_value addresses;
  NAPI_CALL(env, napi_create_object(env, &dev));
  NAPI_CALL(env, set_string(env, dev, "name", d->name));
  NAPI_CALL(env, set_string(env, dev, "description", d->description));
  NAPI_CALL(env, napi_create_array(env, &addresses));
  uint32_t n = 0;
  for (const pcap_addr_t *a = d->addresses; a != NULL; a = a->next) {
    if (a->addr == NULL || (a->addr->sa_family != AF_INET && a->addr->sa_family != AF_INET6)) continue;
    napi_value addr;
    NAPI_CALL(env, napi_create_object(env, &addr));
    NAPI_CALL(env, set_string(env, addr, "family", a->addr->sa_family == AF_INET ? "ipv4" : "ipv6"));
    NAPI_CALL(env, format_address(env, addr, "address", a->addr));
    NAPI_CALL(env, format_address(env, addr, "netmask", a->netmask));
    NAPI_CALL(env, format_address(env, addr, "broadcast", a->broadaddr));
    NAPI_CALL(env, format_address(env, addr, "destination", a->dstaddr));
    NAPI_CALL(env, napi_set_element(env, addresses, n++, addr));
  }
  NAPI_CALL(env, napi_set_named_property(env, dev, "addresses", addresses));
  NAPI_CALL(env, set_bool(env, dev, "loopback", (d->flags & PCAP_IF_LOOPBACK) != 0));
  NAPI_CALL(env, set_bool(env, dev, "up", (d->flags & PCAP_IF_UP) != 0));
  NAPI_CALL(env, set_bool(env, dev, "running", (d->flags & PCAP_IF_RUNNING) != 0));
  return dev;
}

// listInterfaces() -> [{ name, description, addresses: [{ family, address, netmask, broadcast, destination }],
//   loopback, up, running }] from pcap_findalldevs(3PCAP).
static napi_value js_list_interfaces(napi_env env, napi_callback_info info) {
  (void)info;
  char errbuf[PCAP_ERRBUF_SIZE] = "";
  pcap_if_t *devs = NULL;
  if (pcap_findalldevs(&devs, errbuf) != 0) {
    return throw_error(env, "list_failed", "cannot list capture interfaces: %s", errbuf);
  }
  napi_value list = NULL;
  uint32_t n = 0;
  if (napi_create_array(env, &list) != napi_ok) list = NULL;
  for (const pcap_if_t *d = devs; d != NULL && list != NULL; d = d->next) {
    napi_value dev = describe_device(env, d);
    if (dev == NULL || napi_set_element(env, list, n++, dev) != napi_ok) list = NULL;
  }
  pcap_freealldevs(devs);
  if (list == NULL) return throw_napi_failure(env, "listInterfaces");
  return list;
}

static napi_value js_version(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value v;
  NAPI_CALL(env, napi_create_string_utf8(env, pcap_lib_version(), NAPI_AUTO_LENGTH, &v));
  return v;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"open", NULL, js_open, NULL, NULL, NULL, napi_enumerable, NULL},
      {"dispatch", NULL, js_dispatch, NULL, NULL, NULL, napi_enumerable, NULL},
      {"poll", NULL, js_poll, NULL, NULL, NULL, napi_enumerable, NULL},
      {"stats", NULL, js_stats, NULL, NULL, NULL, napi_enumerable, NULL},
      {"close", NULL, js_close, NULL, NULL, NULL, napi_enumerable, NULL},
      {"inject", NULL, js_inject, NULL, NULL, NULL, napi_enumerable, NULL},
      {"listInterfaces", NULL, js_list_interfaces, NULL, NULL, NULL, napi_enumerable, NULL},
      {"libpcapVersion", NULL, js_version, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  NAPI_CALL(env, napi_define_properties(env, exports, sizeof props / sizeof props[0], props));
  return exports;
}

NAPI_MODULE(pcap_live, init)
