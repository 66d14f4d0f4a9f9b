/** Stands in for imported stylesheets in jest. */
export default {};
