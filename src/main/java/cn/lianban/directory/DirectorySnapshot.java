package cn.lianban.directory;

import java.util.List;
import java.util.Map;

/** A whole organisation at once: what the demo generator produces and the loader stores. */
public record DirectorySnapshot(List<AreaType> areaTypes, List<Street> streets, List<Area> areas,
                                List<Community> communities, List<Grid> grids, List<Department> departments,
                                List<Person> persons, Map<String, String> categoryDepartments) {
}
