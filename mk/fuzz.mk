# The HTTP fuzz target includes the server source, so it links civetweb too.
build/fuzz/fuzz_http: fuzz/fuzz_http.c src/server/server.c build/fuzz/libdyad-fuzz.a
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined -o $@ fuzz/fuzz_http.c \
	  build/fuzz/libdyad-fuzz.a $(LDLIBS) -lcivetweb -lpthread
