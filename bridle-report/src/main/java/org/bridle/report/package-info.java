/**
 * Report writers: turn a scan into files (MVT-shaped JSON, CSV timelines, info.json) and a console summary. They know
 * nothing of particular artifacts: entries are serialised as the records they are.
 */
package org.bridle.report;
