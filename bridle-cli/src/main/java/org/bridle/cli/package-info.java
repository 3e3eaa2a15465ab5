/** The bridle command line: picocli commands, exit codes, progress and console output. */
package org.bridle.cli;
