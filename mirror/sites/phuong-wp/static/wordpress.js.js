/* theme navigation (mirror stub) */
(function(){var b=document.querySelector('.menu-toggle');if(b){b.addEventListener('click',function(){document.body.classList.toggle('menu-open')})}})();
