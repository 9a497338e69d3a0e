/**
 * Excel workbooks as offices keep their lists: sheets with Chinese headers and hints, read back row by row with a
 * per-row report of what is wrong.
 */
@ApplicationModule(displayName = "表格", allowedDependencies = {})
package cn.lianban.workbook;

import org.springframework.modulith.ApplicationModule;
