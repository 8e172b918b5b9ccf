/*
 * yamlfloor: the floor for batch work over drafts.  Parses each YAML file
 * named on the command line with libyaml's event parser, and does nothing
 * with the events but count them.  Anything that reads the same files with
 * libyaml costs at least this much.
 *
 *	yamlfloor FILE...
 *
 * Prints "FILES files, EVENTS events, BYTES bytes" on standard output;
 * exits 0, or 1 when a file cannot be opened or parsed (2: no files).
 */
#include <stdio.h>
#include <stdlib.h>

#include <yaml.h>

int
main(int argc, char **argv)
{
	yaml_parser_t parser;
	yaml_event_t event;
	unsigned long long events = 0, bytes = 0;
	int i, done, status = 0;
	FILE *fp;

	if (argc < 2) {
		fprintf(stderr, "usage: yamlfloor FILE...\n");
		return 2;
	}
	for (i = 1; i < argc; i++) {
		if ((fp = fopen(argv[i], "rb")) == NULL) {
			perror(argv[i]);
			status = 1;
			continue;
		}
		yaml_parser_initialize(&parser);
		yaml_parser_set_input_file(&parser, fp);
		done = 0;
		while (!done) {
			if (!yaml_parser_parse(&parser, &event)) {
				fprintf(stderr, "%s: %s\n", argv[i],
				    parser.problem != NULL ? parser.problem :
				    "parse error");
				status = 1;
				break;
			}
			events++;
			done = event.type == YAML_STREAM_END_EVENT;
			yaml_event_delete(&event);
		}
		bytes += (unsigned long long)ftell(fp);
		yaml_parser_delete(&parser);
		fclose(fp);
	}
	printf("%d files, %llu events, %llu bytes\n", argc - 1, events, bytes);
	return status;
}
