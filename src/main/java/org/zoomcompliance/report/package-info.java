/** The monthly DPO workbook: the {@code reportJob}, its safe streaming Excel writer and the report registry. */
package org.zoomcompliance.report;
