/* Joomla core (mirror stub) */
window.Joomla=window.Joomla||{};Joomla.getOptions=function(){return{}};
